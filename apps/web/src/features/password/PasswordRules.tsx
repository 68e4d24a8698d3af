import { List, Text } from '@mantine/core';

/** The network's password rules in words (from the server), shown before the user types. */
export function PasswordRules({ rules }: { rules: string[] }) {
  if (rules.length === 0) return null;
  return (
    <div>
      <Text fw={600} size="sm">
        Your new password needs
      </Text>
      <List size="sm" spacing={2} mt={4}>
        {rules.map((r) => (
          <List.Item key={r}>{r}</List.Item>
        ))}
      </List>
    </div>
  );
}
