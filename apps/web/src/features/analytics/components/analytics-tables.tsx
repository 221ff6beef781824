import type { AnalyticsAgentRow, AnalyticsChannelRow } from '@ticklegram/domain-models';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../../../components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '../../../components/ui/table';
import { formatDuration, formatNumber } from '../format';

function TableCard({
  title,
  description,
  testId,
  action,
  empty,
  children,
}: {
  title: string;
  description: string;
  testId: string;
  action: React.ReactNode;
  empty: boolean;
  children: React.ReactNode;
}) {
  return (
    <Card className="gap-4" data-testid={testId}>
      <CardHeader className="flex flex-row items-start justify-between gap-2">
        <div>
          <CardTitle>{title}</CardTitle>
          <CardDescription>{description}</CardDescription>
        </div>
        {action}
      </CardHeader>
      <CardContent>
        {empty ? <p className="rounded-lg border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">Nothing in this range.</p> : children}
      </CardContent>
    </Card>
  );
}

const num = 'text-right tabular-nums';

export function AgentsTable({ rows, action }: { rows: AnalyticsAgentRow[]; action: React.ReactNode }) {
  return (
    <TableCard title="Agents" description="By the conversations' assignee" testId="analytics-agents" action={action} empty={!rows.length}>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Agent</TableHead>
            <TableHead className="text-right">Opened</TableHead>
            <TableHead className="text-right">Resolved</TableHead>
            <TableHead className="text-right">Messages out</TableHead>
            <TableHead className="text-right">First response (median / p90)</TableHead>
            <TableHead className="text-right">Resolution (median)</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.agentId} data-testid="analytics-agent-row">
              <TableCell className="font-medium">{r.name}</TableCell>
              <TableCell className={num}>{formatNumber(r.opened)}</TableCell>
              <TableCell className={num}>{formatNumber(r.resolved)}</TableCell>
              <TableCell className={num}>{formatNumber(r.messagesOut)}</TableCell>
              <TableCell className={num}>
                {formatDuration(r.firstResponse.median)} / {formatDuration(r.firstResponse.p90)}
              </TableCell>
              <TableCell className={num}>{formatDuration(r.resolution.median)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableCard>
  );
}

export function ChannelsTable({ rows, action }: { rows: AnalyticsChannelRow[]; action: React.ReactNode }) {
  return (
    <TableCard title="Channels" description="Instagram accounts and Facebook Pages" testId="analytics-channels" action={action} empty={!rows.length}>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Channel</TableHead>
            <TableHead className="text-right">Opened</TableHead>
            <TableHead className="text-right">Resolved</TableHead>
            <TableHead className="text-right">Messages in / out</TableHead>
            <TableHead className="text-right">First response (median)</TableHead>
            <TableHead className="text-right">Resolution (median)</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.channelId} data-testid="analytics-channel-row">
              <TableCell className="font-medium">{r.name}</TableCell>
              <TableCell className={num}>{formatNumber(r.opened)}</TableCell>
              <TableCell className={num}>{formatNumber(r.resolved)}</TableCell>
              <TableCell className={num}>
                {formatNumber(r.messagesIn)} / {formatNumber(r.messagesOut)}
              </TableCell>
              <TableCell className={num}>{formatDuration(r.firstResponse.median)}</TableCell>
              <TableCell className={num}>{formatDuration(r.resolution.median)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableCard>
  );
}
