import { Inject, Injectable } from '@nestjs/common';
import bcrypt from 'bcrypt';
import { APP_CONFIG, AppConfig } from '../../config/app-config';

/**
 * bcrypt through the native binding: hashing and comparing run on libuv's thread pool, so a burst of
 * sign-ins never blocks the event loop (bcryptjs ran the same work in JavaScript on the main thread).
 * Existing `$2a$`/`$2b$` hashes verify unchanged.
 */
@Injectable()
export class PasswordHasher {
  private readonly rounds: number;
  /** Compared against when the email is unknown, so a miss costs as much time as a wrong password. */
  private readonly decoy: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.rounds = config.env === 'test' ? 4 : 12;
    this.decoy = bcrypt.hashSync('decoy-password-for-timing', this.rounds);
  }

  hash(password: string): Promise<string> {
    return bcrypt.hash(password, this.rounds);
  }

  async verify(password: string, hash: string | null | undefined): Promise<boolean> {
    const ok = await bcrypt.compare(password, hash ?? this.decoy);
    return ok && Boolean(hash);
  }
}
