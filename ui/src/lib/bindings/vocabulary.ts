// Generated from src-tauri/core/src/vocabulary.rs by its test export_bindings_vocabulary. Do not edit.
import type { Metric } from './Metric';
export const METRICS: readonly Metric[] = ['valuation', 'funding', 'market_cap', 'revenue', 'profit', 'loss', 'market_size', 'users', 'growth', 'price_change', 'turnover', 'cost', 'price', 'share', 'proceeds', 'deal_value', 'margin', 'other'];
import type { FactStatus } from './FactStatus';
export const FACT_STATUSES: readonly FactStatus[] = ['extracted', 'confirmed', 'rejected', 'edited'];
import type { EntityKind } from './EntityKind';
export const ENTITY_KINDS: readonly EntityKind[] = ['company', 'organisation', 'index', 'person'];
import type { QuantityKind } from './QuantityKind';
export const QUANTITY_KINDS: readonly QuantityKind[] = ['money', 'percent', 'count', 'multiple'];
import type { Qualifier } from './Qualifier';
export const QUALIFIERS: readonly Qualifier[] = ['exact', 'approx', 'gt', 'gte', 'lt', 'lte', 'range', 'vague'];
