import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { LabelsService } from '../labels/labels.service';
import { UserRepository } from '../users/repositories/user.repository';
import { CommentActionEntity } from './entities/comment-action.entity';
import { CommentRuleEntity } from './entities/comment-rule.entity';

/** Display names for the actors and targets an activity list names (users, rules, labels). */
@Injectable()
export class CommentNames {
  constructor(
    private readonly users: UserRepository,
    private readonly labels: LabelsService,
    @InjectRepository(CommentRuleEntity) private readonly rules: Repository<CommentRuleEntity>,
  ) {}

  async forActions(actions: readonly CommentActionEntity[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const userIds = new Set<string>();
    const ruleIds = new Set<string>();
    let needsLabels = false;
    for (const a of actions) {
      if (a.actorUserId) userIds.add(a.actorUserId);
      if (a.ruleId) ruleIds.add(a.ruleId);
      if (a.payload?.assigneeId) userIds.add(a.payload.assigneeId);
      if (a.payload?.labelId) needsLabels = true;
    }
    const [users, rules, labels] = await Promise.all([
      userIds.size ? this.users.list() : Promise.resolve([]),
      ruleIds.size ? this.rules.find({ select: { id: true, name: true }, where: { id: In([...ruleIds]) } }) : Promise.resolve([]),
      needsLabels ? this.labels.list() : Promise.resolve([]),
    ]);
    for (const u of users) if (userIds.has(u.id)) names.set(u.id, u.name);
    for (const r of rules) names.set(r.id, r.name);
    for (const l of labels) names.set(l.id, l.name);
    return names;
  }
}
