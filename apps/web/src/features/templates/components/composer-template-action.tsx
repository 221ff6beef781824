'use client';

import * as React from 'react';
import { FileText } from 'lucide-react';
import { MessagePlatform, type ConversationDto, type ReplyPolicyResponse, type SendTemplateInput } from '@ticklegram/domain-models';
import { Button } from '../../../components/ui/button';
import { TemplatePicker } from './template-picker';

/**
 * The composer's way to a utility template (Messenger only, whenever the conversation is not blocked):
 * a prominent button when only a template can go out, an icon button in the toolbar otherwise.
 */
export function ComposerTemplateAction({
  conversation,
  policy,
  prominent,
  onSend,
}: {
  conversation: ConversationDto;
  policy: ReplyPolicyResponse | null;
  prominent: boolean;
  onSend: (template: SendTemplateInput, text: string) => void;
}) {
  const [open, setOpen] = React.useState(false);
  if (conversation.platform !== MessagePlatform.FACEBOOK || !policy?.templates || policy.mode === 'blocked') return null;
  const usable = policy.templates.filter((o) => o.usable).length;
  return (
    <>
      {prominent ? (
        <Button type="button" onClick={() => setOpen(true)} className="w-fit" data-testid="composer-choose-template">
          <FileText /> {usable > 0 ? 'Choose a template' : 'See templates'}
        </Button>
      ) : (
        <Button
          type="button"
          size="icon"
          variant="ghost"
          className="size-8"
          aria-label="Send a utility template"
          onClick={() => setOpen(true)}
          data-testid="composer-template-button"
        >
          <FileText />
        </Button>
      )}
      <TemplatePicker open={open} onOpenChange={setOpen} conversation={conversation} options={policy.templates} onSend={onSend} />
    </>
  );
}
