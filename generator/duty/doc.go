// Package duty reads who is responsible for what: duty tables (Markdown tables, CSV and .xlsx
// files), inline annotations such as "（责任单位：市委组织部、市民政局）" in policy prose, the
// splitting of a unit list into departments and clauses, and the department registry that maps the
// many ways a department is written onto one canonical name.
package duty
