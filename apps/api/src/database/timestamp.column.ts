import { Column, ColumnOptions } from 'typeorm';

/**
 * A UTC timestamp with millisecond precision on MySQL (DATETIME(3)) and SQLite alike. The value is
 * always set by the application, so both databases store the same instant.
 */
export function TimestampColumn(options: Omit<ColumnOptions, 'type' | 'precision'> = {}): PropertyDecorator {
  return Column({ type: 'datetime', precision: 3, ...options });
}
