import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AssignConversationRequest,
  AssignmentSettingsDto,
  CONVERSATION_STATUSES,
  ConversationStatus,
  UpdateConversationRequest,
} from '@ticklegram/domain-models';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsUUID, Max, Min, ValidateIf } from 'class-validator';

export class AssignConversationRequestDto implements AssignConversationRequest {
  @ApiProperty({ nullable: true, type: String, description: 'User id, or null to unassign' })
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  assigneeId!: string | null;
}

export class UpdateConversationRequestDto implements UpdateConversationRequest {
  @ApiProperty({ enum: CONVERSATION_STATUSES })
  @IsIn(CONVERSATION_STATUSES as ConversationStatus[])
  status!: ConversationStatus;

  @ApiPropertyOptional({ description: 'Required with status snoozed (ISO time)' })
  @ValidateIf((o: UpdateConversationRequestDto) => o.status === 'snoozed' || o.snoozedUntil !== undefined)
  @IsISO8601({ strict: true }, { message: 'snoozedUntil must be an ISO 8601 time (required when snoozing)' })
  snoozedUntil?: string;
}

export class AssignmentSettingsRequestDto implements AssignmentSettingsDto {
  @ApiProperty()
  @IsBoolean()
  autoAssign!: boolean;

  @ApiProperty({ minimum: 1, maximum: 1000 })
  @IsInt()
  @Min(1)
  @Max(1000)
  capacity!: number;
}
