import { MessageTemplateEntity } from './entities/message-template.entity';
import { TemplateSendEntity } from './entities/template-send.entity';

export const TEMPLATES_ENTITIES = [MessageTemplateEntity, TemplateSendEntity];
