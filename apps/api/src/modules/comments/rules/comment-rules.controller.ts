import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CommentRuleDryRunResponse, CommentRuleDto, CommentRuleLogResponse, Role } from '@ticklegram/domain-models';
import { AuthUser, CurrentUser } from '../../../common/decorators/current-user.decorator';
import { Roles } from '../../../common/decorators/roles.decorator';
import { CommentRulesService } from './comment-rules.service';
import { CommentRuleDryRunRequestDto, CommentRuleLogQueryDto, CommentRuleOrderRequestDto, CommentRuleRequestDto } from './dto/comment-rule.request.dto';

/** Auto-moderation rules: admins only. */
@ApiTags('comment-rules')
@ApiBearerAuth()
@Roles(Role.ADMIN)
@Controller('comment-rules')
export class CommentRulesController {
  constructor(private readonly rules: CommentRulesService) {}

  @Get()
  list(): Promise<CommentRuleDto[]> {
    return this.rules.list();
  }

  @Post()
  create(@CurrentUser() actor: AuthUser, @Body() body: CommentRuleRequestDto): Promise<CommentRuleDto> {
    return this.rules.create(actor, body);
  }

  /** Registered before `:id` so "order" and "dry-run" are not read as ids. */
  @Put('order')
  reorder(@CurrentUser() actor: AuthUser, @Body() body: CommentRuleOrderRequestDto): Promise<CommentRuleDto[]> {
    return this.rules.reorder(actor, body.ids);
  }

  @Post('dry-run')
  @HttpCode(200)
  dryRun(@Body() body: CommentRuleDryRunRequestDto): Promise<CommentRuleDryRunResponse> {
    return this.rules.dryRun(body);
  }

  @Put(':id')
  update(@CurrentUser() actor: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: CommentRuleRequestDto): Promise<CommentRuleDto> {
    return this.rules.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@CurrentUser() actor: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    return this.rules.remove(actor, id);
  }

  @Get(':id/log')
  log(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: CommentRuleLogQueryDto): Promise<CommentRuleLogResponse> {
    return this.rules.log(id, query.cursor, query.limit);
  }
}
