import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...buildDataSourceOptions(config.database),
        migrationsRun: config.database.runMigrations,
        migrationsTransactionMode: 'each',
        retryAttempts: config.env === 'test' ? 0 : 5,
      }),
    }),
  ],
})
export class DatabaseModule {}
