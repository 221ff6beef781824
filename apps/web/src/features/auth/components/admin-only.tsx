'use client';

import type * as React from 'react';
import { Role } from '@ticklegram/domain-models';
import { useAuth } from '../auth-provider';
import { Forbidden } from '../../../components/forbidden';

/**
 * Shows `children` to admins only; others get `fallback` (the 403 page by default). Mounting the
 * admin part only for admins also keeps its queries from running for agents. The api enforces the
 * role either way; this is what people see.
 */
export function AdminOnly({ children, fallback = <Forbidden /> }: { children: React.ReactNode; fallback?: React.ReactNode }) {
  const { user } = useAuth();
  if (!user) return null;
  return user.role === Role.ADMIN ? children : fallback;
}
