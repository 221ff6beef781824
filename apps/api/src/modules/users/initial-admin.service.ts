import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Role } from '@ticklegram/domain-models';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from './password-hasher.service';
import { DuplicateEmailError, UserRepository } from './repositories/user.repository';

export const SANDBOX_ADMIN_EMAIL = 'admin@ticklegram.local';
export const SANDBOX_CREDENTIALS_FILE = 'admin-credentials.txt';

/**
 * Makes sure somebody can log in on first boot: the admin from ADMIN_EMAIL/ADMIN_PASSWORD, or in
 * sandbox mode a generated one whose password is printed once and written to the data directory.
 */
@Injectable()
export class InitialAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger(InitialAdminService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.users.countActiveAdmins()) > 0) return;

    const configured = this.config.initialAdmin;
    if (!configured && this.config.mode !== 'sandbox') {
      this.logger.warn('No admin exists and ADMIN_EMAIL/ADMIN_PASSWORD are not set: nobody can log in yet.');
      return;
    }
    const admin = configured ?? { email: SANDBOX_ADMIN_EMAIL, password: randomBytes(12).toString('base64url'), name: 'Sandbox Admin' };
    try {
      const user = await this.users.insert({
        email: admin.email,
        name: admin.name,
        role: Role.ADMIN,
        active: true,
        passwordHash: await this.hasher.hash(admin.password),
      });
      await this.audit.record({ actor: null, action: 'user.initial_admin_created', target: { type: 'user', id: user.id }, details: { email: user.email } });
    } catch (error) {
      if (error instanceof DuplicateEmailError) return; // another replica created it first
      throw error;
    }

    if (!configured) {
      mkdirSync(this.config.dataDir, { recursive: true });
      const file = join(this.config.dataDir, SANDBOX_CREDENTIALS_FILE);
      writeFileSync(file, `email: ${admin.email}\npassword: ${admin.password}\n`, { mode: 0o600 });
      // Printed on purpose, once: this is how a newcomer logs into the sandbox.
      process.stdout.write(`\n  Sandbox admin created — email: ${admin.email}  password: ${admin.password}\n  (also saved in ${file})\n\n`);
    } else {
      this.logger.log(`Initial admin ${admin.email} created from ADMIN_EMAIL.`);
    }
  }
}
