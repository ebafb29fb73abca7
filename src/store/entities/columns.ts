import { Column, type ColumnOptions } from 'typeorm';

/**
 * Column helpers shared by the entities. Every table's key starts with workspace_id (the tenant), so the schema
 * can later be distributed by workspace; ids are bigint identities, read as JS numbers (see store/type-parsers.ts).
 */
export const timestamptz = (options: ColumnOptions = {}) => Column({ type: 'timestamptz', ...options });
export const nullableTimestamptz = (options: ColumnOptions = {}) => Column({ type: 'timestamptz', nullable: true, ...options });
export const money = (options: ColumnOptions = {}) => Column({ type: 'numeric', precision: 14, scale: 2, ...options });
export const text = (options: ColumnOptions = {}) => Column({ type: 'text', ...options });
export const nullableText = (options: ColumnOptions = {}) => Column({ type: 'text', nullable: true, ...options });
export const bigintRef = (options: ColumnOptions = {}) => Column({ type: 'bigint', ...options });
export const nullableBigintRef = (options: ColumnOptions = {}) => Column({ type: 'bigint', nullable: true, ...options });
