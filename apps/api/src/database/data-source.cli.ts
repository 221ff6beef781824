import { DataSource } from 'typeorm';
import { loadConfig } from '../config/load-config';
import { buildDataSourceOptions } from './data-source';

/** Entry point for the TypeORM CLI (`npm run db:migration:*`). The app itself never imports this file. */
export const CliDataSource = new DataSource(buildDataSourceOptions(loadConfig().database));
