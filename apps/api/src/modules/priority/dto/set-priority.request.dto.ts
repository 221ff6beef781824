import { ApiProperty } from '@nestjs/swagger';
import { CONVERSATION_PRIORITIES, ConversationPriority, SetConversationPriorityRequest } from '@ticklegram/domain-models';
import { IsIn } from 'class-validator';

export class SetConversationPriorityRequestDto implements SetConversationPriorityRequest {
  @ApiProperty({ enum: CONVERSATION_PRIORITIES })
  @IsIn(CONVERSATION_PRIORITIES as readonly string[] as ConversationPriority[])
  priority!: ConversationPriority;
}
