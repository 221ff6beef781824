import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import {
  MessagePlatform,
  TemplateStatus,
  type ConversationDto,
  type MessageTemplateDto,
  type ReplyPolicyTemplateOption,
  type SendTemplateInput,
} from '@ticklegram/domain-models';
import { TemplatePicker } from './template-picker';

const conversation = { id: 'c1', platform: MessagePlatform.FACEBOOK, contact: { displayName: 'Aiko Tanaka' } } as ConversationDto;
const template = (id: string, name: string, body: string, examples: Record<string, string>): MessageTemplateDto =>
  ({
    id,
    name,
    language: 'en_US',
    status: TemplateStatus.APPROVED,
    channelId: 'p',
    content: { parameterFormat: 'POSITIONAL', header: null, body, examples, footer: null, buttons: [] },
  }) as unknown as MessageTemplateDto;
const options: ReplyPolicyTemplateOption[] = [
  { template: template('t1', 'order_ready', 'Hi {{1}}, your order {{2}} is ready.', { '1': 'Jane', '2': '#1001' }), usable: true, reason: null },
  {
    template: template('t2', 'appointment_reminder', 'Reminder: your appointment is on {{1}}.', { '1': 'Monday' }),
    usable: false,
    reason: 'Waiting for Meta’s review (usually seconds to a few minutes).',
  },
];

function renderPicker() {
  const sent: { input: SendTemplateInput; text: string }[] = [];
  const onOpenChange = jest.fn();
  render(
    <TemplatePicker open onOpenChange={onOpenChange} conversation={conversation} options={options} onSend={(input, text) => sent.push({ input, text })} />,
  );
  return { sent, onOpenChange };
}

describe('TemplatePicker', () => {
  it('is driven by the keyboard: search, Enter picks, the name is prefilled, the preview follows, Enter sends', () => {
    const { sent, onOpenChange } = renderPicker();
    expect(screen.getByText(/Waiting for Meta’s review/)).toBeTruthy();
    const search = screen.getByLabelText('Search templates');
    fireEvent.change(search, { target: { value: 'order' } });
    fireEvent.keyDown(search, { key: 'Enter' });

    const first = screen.getByTestId('template-picker-var-1') as HTMLInputElement;
    expect(first.value).toBe('Aiko');
    const second = screen.getByTestId('template-picker-var-2') as HTMLInputElement;
    expect(document.activeElement).toBe(second);
    expect(screen.getByTestId('template-preview-body').textContent).toBe('Hi Aiko, your order {{2}} is ready.');

    fireEvent.click(screen.getByTestId('template-picker-send'));
    expect(screen.getByText('Fill in {{2}}.')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.change(second, { target: { value: '#1042' } });
    expect(screen.getByTestId('template-preview-body').textContent).toBe('Hi Aiko, your order #1042 is ready.');
    fireEvent.submit(second.closest('form') as HTMLFormElement);
    expect(sent).toEqual([{ input: { id: 't1', parameters: ['Aiko', '#1042'] }, text: 'Hi Aiko, your order #1042 is ready.' }]);
    expect(onOpenChange).toHaveBeenCalledWith(false);
  });

  it('does not pick a template that cannot be sent', () => {
    renderPicker();
    const search = screen.getByLabelText('Search templates');
    fireEvent.change(search, { target: { value: 'appointment' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(screen.queryByTestId('template-picker-send')).toBeNull();
  });
});
