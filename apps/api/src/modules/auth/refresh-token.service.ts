import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { IsNull, LessThan, Repository } from 'typeorm';
import { deleteInBatches } from '../../database/delete-in-batches';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { RefreshTokenEntity } from './entities/refresh-token.entity';

export interface ClientMeta {
  userAgent?: string | null;
  ip?: string | null;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Issues, rotates and revokes refresh tokens; only their hashes are stored. */
@Injectable()
export class RefreshTokenService {
  constructor(
    @InjectRepository(RefreshTokenEntity) private readonly tokens: Repository<RefreshTokenEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get ttlMs(): number {
    return this.config.auth.refreshTtlDays * 24 * 3600 * 1000;
  }

  async issue(userId: string, meta: ClientMeta, familyId: string = randomUUID()): Promise<{ token: string; entity: RefreshTokenEntity }> {
    const token = randomBytes(32).toString('base64url');
    const entity = await this.tokens.save(
      this.tokens.create({
        userId,
        familyId,
        tokenHash: hash(token),
        expiresAt: new Date(Date.now() + this.ttlMs),
        revokedAt: null,
        replacedById: null,
        userAgent: meta.userAgent?.slice(0, 255) ?? null,
        ip: meta.ip ?? null,
      }),
    );
    return { token, entity };
  }

  /**
   * Exchanges a valid token for its successor. A revoked token presented again is treated as theft:
   * its whole family is revoked and null returned.
   */
  async rotate(token: string, meta: ClientMeta): Promise<{ userId: string; token: string } | null> {
    const current = await this.tokens.findOne({ where: { tokenHash: hash(token) } });
    if (!current) return null;
    if (current.revokedAt) {
      await this.revokeFamily(current.familyId);
      return null;
    }
    if (current.expiresAt.getTime() <= Date.now()) return null;

    const next = await this.issue(current.userId, meta, current.familyId);
    const result = await this.tokens.update({ id: current.id, revokedAt: IsNull() }, { revokedAt: new Date(), replacedById: next.entity.id });
    if (!result.affected) {
      // a concurrent refresh won the race with the same token: treat like reuse
      await this.revokeFamily(current.familyId);
      return null;
    }
    return { userId: current.userId, token: next.token };
  }

  async revoke(token: string): Promise<void> {
    const current = await this.tokens.findOne({ where: { tokenHash: hash(token) } });
    if (current) await this.revokeFamily(current.familyId);
  }

  async revokeAllForUser(userId: string): Promise<void> {
    await this.tokens.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Retention: tokens that expired or were revoked before `before` (they can never be used again). */
  async pruneEnded(before: Date, batchSize: number): Promise<number> {
    return deleteInBatches(this.tokens, 'id', [{ expiresAt: LessThan(before) }, { revokedAt: LessThan(before) }], batchSize);
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
