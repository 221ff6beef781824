import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { NoteDto, Role } from '@ticklegram/domain-models';
import { AuthUser, CurrentUser } from '../../common/decorators/current-user.decorator';
import { Roles } from '../../common/decorators/roles.decorator';
import { CreateNoteRequestDto } from './dto/create-note.request.dto';
import { NotesService } from './notes.service';

@ApiTags('conversations')
@ApiBearerAuth()
@Roles(Role.ADMIN, Role.AGENT)
@Controller('conversations/:id/notes')
export class NotesController {
  constructor(private readonly notes: NotesService) {}

  /** Oldest first (404 outside the caller's scope). */
  @Get()
  @ApiOkResponse()
  list(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<NoteDto[]> {
    return this.notes.list(user, id);
  }

  @Post()
  @ApiOkResponse()
  create(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: CreateNoteRequestDto): Promise<NoteDto> {
    return this.notes.create(user, id, body);
  }
}
