'use client';

import type * as React from 'react';
import { ShieldCheck } from 'lucide-react';
import { AdminOnly } from '../../auth/components/admin-only';
import { EmptyState, LoadingState, QueryStates } from '../../../components/data-states';
import { PageContainer, PageHeader } from '../../../components/page-header';
import { useAuth } from '../../auth/auth-provider';
import { roleLabel } from '../../users/format';
import { useAssignmentSettings } from '../api';
import { AssignmentSettingsForm } from './assignment-settings-form';
import { WorkspaceLinks } from './workspace-links';

function Section({ id, title, description, children }: { id: string; title: string; description: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="grid gap-4 md:grid-cols-[16rem_1fr] md:gap-8">
      <div>
        <h2 id={id} className="font-semibold">
          {title}
        </h2>
        <p className="mt-1 text-sm text-muted-foreground">{description}</p>
      </div>
      <div className="min-w-0">{children}</div>
    </section>
  );
}

function AssignmentSection() {
  const settings = useAssignmentSettings();
  return (
    <Section id="settings-assignment" title="Assignment" description="Who new conversations go to.">
      <div className="rounded-xl border bg-card p-5">
        <QueryStates
          query={settings}
          loading={<LoadingState label="Loading assignment settings" rows={2} />}
          errorTitle="Couldn't load the assignment settings"
        >
          {(saved) => <AssignmentSettingsForm key={`${saved.autoAssign}:${saved.capacity}`} saved={saved} />}
        </QueryStates>
      </div>
    </Section>
  );
}

/** Settings: your account for everyone; the workspace's settings and admin pages for admins. */
export function SettingsView() {
  const { user } = useAuth();
  if (!user) return null;
  return (
    <PageContainer>
      <PageHeader title="Settings" description="Your account, and how this workspace works." />
      <div className="mt-8 grid gap-10">
        <Section id="settings-account" title="Your account" description="Who you are signed in as.">
          <dl className="grid gap-3 rounded-xl border bg-card p-5 text-sm sm:grid-cols-3" data-testid="settings-account">
            <div>
              <dt className="text-muted-foreground">Name</dt>
              <dd className="font-medium">{user.name}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Email</dt>
              <dd className="truncate font-medium">{user.email}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Role</dt>
              <dd className="font-medium">{roleLabel(user.role)}</dd>
            </div>
          </dl>
        </Section>
        <AdminOnly
          fallback={
            <EmptyState icon={ShieldCheck} title="Workspace settings are managed by admins" data-testid="settings-admin-only">
              Assignment, teammates, labels, canned responses and webhooks are changed by an admin. Ask one if something should work differently.
            </EmptyState>
          }
        >
          <AssignmentSection />
          <Section id="settings-workspace" title="Workspace" description="Teammates, tags, saved replies and what Meta delivered.">
            <WorkspaceLinks />
          </Section>
        </AdminOnly>
      </div>
    </PageContainer>
  );
}
