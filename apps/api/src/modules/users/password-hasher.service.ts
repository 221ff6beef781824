import { Inject, Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import { APP_CONFIG, AppConfig } from '../../config/app-config';

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

  verify(password: string, hash: string | null | undefined): Promise<boolean> {
    return bcrypt.compare(password, hash ?? this.decoy).then((ok) => ok && Boolean(hash));
  }
}
