import { CannedResponseDto } from '@ticklegram/domain-models';
import { CannedResponseEntity } from './entities/canned-response.entity';

export function toCannedResponseDto(entity: CannedResponseEntity): CannedResponseDto {
  return {
    id: entity.id,
    shortcut: entity.shortcut,
    title: entity.title,
    body: entity.body,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
