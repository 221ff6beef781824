import { toast } from 'sonner';
import { describeApiError, fieldErrorMessages } from './api/api-error';

/**
 * Runs a settings form's save: a success toast, or on failure a toast in plain words — unless the
 * api named the fields at fault, which the form shows next to them. Resolves whether it saved.
 */
export async function saveWithToast(save: () => Promise<unknown>, success: string): Promise<boolean> {
  try {
    await save();
    toast.success(success);
    return true;
  } catch (error) {
    if (Object.keys(fieldErrorMessages(error)).length === 0) toast.error(describeApiError(error));
    return false;
  }
}
