import { ApiProperty } from '@nestjs/swagger';
import { SetConversationLabelsRequest } from '@ticklegram/domain-models';
import { ArrayMaxSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';

export class SetConversationLabelsRequestDto implements SetConversationLabelsRequest {
  @ApiProperty({ type: [String], description: 'The full set of labels the conversation should have' })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  labelIds!: string[];
}
