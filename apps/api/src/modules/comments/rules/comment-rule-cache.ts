import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CommentRuleEntity } from '../entities/comment-rule.entity';
import { CompiledRule, compileRule } from './rule-evaluator';

const TTL_MS = 5_000;

/** The enabled rules in order, compiled; re-read every few seconds (other replicas' edits) and at once after a local edit. */
@Injectable()
export class CommentRuleCache {
  private cached: { rules: Promise<CompiledRule[]>; at: number } | null = null;

  constructor(@InjectRepository(CommentRuleEntity) private readonly rules: Repository<CommentRuleEntity>) {}

  enabled(): Promise<CompiledRule[]> {
    if (this.cached && Date.now() - this.cached.at < TTL_MS) return this.cached.rules;
    const rules = this.rules
      .find({ where: { enabled: true }, order: { position: 'ASC', createdAt: 'ASC' } })
      .then((rows) => rows.map((r) => compileRule(toEvaluable(r))));
    this.cached = { rules, at: Date.now() };
    rules.catch(() => (this.cached = null));
    return rules;
  }

  invalidate(): void {
    this.cached = null;
  }
}

export function toEvaluable(rule: CommentRuleEntity) {
  return { id: rule.id, name: rule.name, stopProcessing: rule.stopProcessing, conditions: rule.conditions, actions: rule.actions };
}
