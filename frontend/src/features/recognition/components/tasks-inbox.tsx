import { InboxOutlined } from '@ant-design/icons';
import { Alert, Badge, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useFormatters } from '@/lib/format';
import { useMyTasks } from '../api/recognition';
import type { Task } from '../api/recognition';

/** What waits on the signed-in official, across the services, by due date; a service that did not answer is said so. */
export function TasksInbox() {
  const { t } = useTranslation();
  const format = useFormatters();
  const tasks = useMyTasks();
  const pending = Object.entries(tasks.data?.sources ?? {}).filter(([, state]) => state === 'pending').map(([service]) => service);
  const real = (tasks.data?.items ?? []).filter((task) => task.kind !== 'pending');
  return (
    <Flex vertical gap="middle">
      <ProblemAlert error={tasks.error} />
      {pending.length > 0 && (
        <Alert type="warning" showIcon title={t('tasks.pending', { services: pending.map((service) => t(`tasks.service.${service}`, { defaultValue: service })).join(', ') })} />
      )}
      {tasks.data && (
        <Flex gap="small" wrap>
          {Object.entries(tasks.data.counts)
            .filter(([kind, count]) => kind !== 'pending' && count > 0)
            .map(([kind, count]) => (
              <Tag key={kind}>
                {t(`tasks.kind.${kind as Task['kind']}`)}: {count}
              </Tag>
            ))}
        </Flex>
      )}
      {tasks.isSuccess && real.length === 0 ? (
        <Empty description={t('tasks.none')} />
      ) : (
        <List
          loading={tasks.isLoading}
          dataSource={real}
          renderItem={(task) => (
            <List.Item>
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Link to={task.link}>{task.title}</Link>
                <Flex gap="small" wrap>
                  <Tag>{t(`tasks.kind.${task.kind}`)}</Tag>
                  {task.due_on && (
                    <Typography.Text type={task.overdue ? 'danger' : 'secondary'}>
                      {task.overdue ? t('tasks.overdue', { date: format.date(task.due_on) }) : t('tasks.due', { date: format.date(task.due_on) })}
                    </Typography.Text>
                  )}
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}

/** The header's inbox link with the number of tasks waiting (its title and accessible name carry the label). */
export function TasksBadge({ to, label }: { to: string; label: string }) {
  const tasks = useMyTasks();
  const count = (tasks.data?.items ?? []).filter((task) => task.kind !== 'pending').length;
  return (
    <Link to={to} className="app-tasks" aria-label={`${label}: ${String(count)}`} title={label}>
      {/* An icon only, so the header still fits a 360-px phone; the link's name says what it is and how many. */}
      <Badge count={count} size="small" overflowCount={99}>
        <InboxOutlined aria-hidden style={{ color: '#fff', fontSize: 20 }} />
      </Badge>
    </Link>
  );
}
