/**
 * 智能交办: each unit's responsibilities (职责, the text of its 三定 functions), which the
 * suggestion of lead and co-handling units matches a proposal's words against.
 */
export default {
  id: '0018-unit-responsibilities',
  sql: `alter table units add column responsibilities text;`,
};
