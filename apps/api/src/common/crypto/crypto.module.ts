import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { TokenCipher } from './token-cipher';

/** Provides the one {@link TokenCipher}, keyed with `TOKEN_ENCRYPTION_KEY` (sandbox: generated into DATA_DIR). */
@Global()
@Module({
  providers: [{ provide: TokenCipher, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new TokenCipher(config.tokenEncryptionKey) }],
  exports: [TokenCipher],
})
export class CryptoModule {}
