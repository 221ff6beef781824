import { Controller, Get, HttpCode, Ip, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role, WebhookEventDetailDto, WebhookEventDto, WebhookEventListResponse } from '@ticklegram/domain-models';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { ListWebhookEventsQueryDto } from './dto/list-webhook-events.query.dto';
import { WebhookEventsService } from './webhook-events.service';

@ApiTags('webhook-events')
@ApiBearerAuth()
@Roles(Role.ADMIN)
@Controller('webhook-events')
export class WebhookEventsController {
  constructor(private readonly events: WebhookEventsService) {}

  @Get()
  list(@Query() query: ListWebhookEventsQueryDto): Promise<WebhookEventListResponse> {
    return this.events.list(query);
  }

  @Get(':id')
  get(@Param('id', ParseIntPipe) id: number): Promise<WebhookEventDetailDto> {
    return this.events.get(id);
  }

  @Post(':id/replay')
  @HttpCode(202)
  replay(@CurrentUser() actor: AuthUser, @Param('id', ParseIntPipe) id: number, @Ip() ip: string): Promise<WebhookEventDto> {
    return this.events.replay(actor, id, ip);
  }
}
