import { LabelDto } from '@ticklegram/domain-models';
import { LabelEntity } from './entities/label.entity';

export function toLabelDto(label: LabelEntity): LabelDto {
  return { id: label.id, name: label.name, color: label.color };
}
