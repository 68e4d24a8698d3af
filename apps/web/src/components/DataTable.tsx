import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props extends TableProps {
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  columns: string[];
  /** Trailing columns (of buttons) whose headers only screen readers hear; a falsy one is left out. */
  hiddenColumns?: (string | false | null | undefined)[];
  /** The rows. */
  children: ReactNode;
}

/** A striped, scrolling table with a header row. */
export function DataTable({ minWidth, columns, hiddenColumns = [], children, ...table }: Props) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped {...table}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c}>{c}</Table.Th>
            ))}
            {hiddenColumns.map(
              (c) =>
                c && (
                  <Table.Th key={c}>
                    <span className="visually-hidden">{c}</span>
                  </Table.Th>
                ),
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
