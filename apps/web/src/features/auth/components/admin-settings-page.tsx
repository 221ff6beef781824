'use client';

import type * as React from 'react';
import { AdminOnly } from './admin-only';
import { PageContainer, PageHeader } from '../../../components/page-header';

/**
 * The frame of an admin settings page: the 403 page for everyone else, then the header. Put the
 * page's queries in `children` so they only run for admins.
 */
export function AdminSettingsPage({
  title,
  description,
  actions,
  children,
}: {
  title: string;
  description: string;
  actions?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <AdminOnly>
      <PageContainer>
        <PageHeader title={title} description={description} actions={actions} />
        {children}
      </PageContainer>
    </AdminOnly>
  );
}
