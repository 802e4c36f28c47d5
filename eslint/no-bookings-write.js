/**
 * Only the booking store writes the `bookings` table (issue 11: one writer per invariant — no
 * overlap, versions, events). Flags, outside the files the config exempts:
 * - Drizzle writes: `.insert(bookings)`, `.update(bookings)`, `.delete(bookings)` (also
 *   `schema.bookings`);
 * - SQL text: `INSERT INTO bookings`, `UPDATE bookings`, `DELETE FROM bookings` in a string or a
 *   template, including `sql\`UPDATE ${bookings} …\``.
 */
const WRITES = new Set(['insert', 'update', 'delete']);
// UPDATE must be followed by SET, so prose such as "Update bookings from the console" is no write.
const SQL_WRITE = /\b(insert\s+into|delete\s+from)\s+(only\s+)?("?public"?\.)?"?bookings"?(?![\w"])|\bupdate\s+(only\s+)?("?public"?\.)?"?bookings"?\s+(as\s+\w+\s+|\w+\s+)?set\b/i;
const SQL_WRITE_BEFORE_TABLE = /\b(insert\s+into|delete\s+from)\s+(only\s+)?$/i;
const SQL_UPDATE_BEFORE_TABLE = /\bupdate\s+(only\s+)?$/i;

const isBookingsTable = (node) =>
  (node?.type === 'Identifier' && node.name === 'bookings') ||
  (node?.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' && node.property.name === 'bookings');

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Only booking-service/src/services/booking-store/ writes the bookings table' },
    messages: {
      write: 'Only the booking store (src/services/booking-store/) writes `bookings`; call its functions instead ({{what}}).',
    },
    schema: [],
  },
  create(context) {
    const report = (node, what) => context.report({ node, messageId: 'write', data: { what } });
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return;
        if (WRITES.has(callee.property.name) && isBookingsTable(node.arguments[0])) report(node, `.${callee.property.name}(bookings)`);
      },
      Literal(node) {
        if (typeof node.value === 'string' && SQL_WRITE.test(node.value)) report(node, node.value.match(SQL_WRITE)[0]);
      },
      TemplateLiteral(node) {
        const text = node.quasis.map((q) => q.value.cooked ?? q.value.raw).join('${}');
        if (SQL_WRITE.test(text)) return report(node, text.match(SQL_WRITE)[0]);
        // sql`UPDATE ${bookings} SET …`: the table is an interpolated Drizzle table.
        const quasi = (i) => node.quasis[i].value.cooked ?? node.quasis[i].value.raw;
        node.expressions.forEach((expr, i) => {
          if (!isBookingsTable(expr)) return;
          const before = quasi(i);
          if (SQL_WRITE_BEFORE_TABLE.test(before) || (SQL_UPDATE_BEFORE_TABLE.test(before) && /^\s+(as\s+\w+\s+|\w+\s+)?set\b/i.test(quasi(i + 1)))) {
            report(expr, 'SQL write to ${bookings}');
          }
        });
      },
    };
  },
};
