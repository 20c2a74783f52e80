/**
 * A plain, semantic table in the Atlassian look (tokens only). Used instead of @atlaskit/dynamic-table
 * where sorting and paging are not needed, which keeps a gadget's script a fraction of the size.
 */
import type { ReactNode } from 'react';
import './ui.css';

export interface DataTableColumn<K extends string> {
  readonly key: K;
  readonly label: string;
}

export interface DataTableRow<K extends string> {
  readonly key: string;
  readonly cells: Readonly<Record<K, ReactNode>>;
}

export function DataTable<K extends string>({ label, columns, rows, testId }: { label: string; columns: readonly DataTableColumn<K>[]; rows: readonly DataTableRow<K>[]; testId?: string }) {
  return (
    <table className="ir-table" aria-label={label} data-testid={testId}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.key} scope="col">
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-testid={testId === undefined ? undefined : `${testId}-row`}>
            {columns.map((column) => (
              <td key={column.key}>{row.cells[column.key]}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
