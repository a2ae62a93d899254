-- int_disclosure: THE small-count suppression, one stage for every published cell below
-- regency level (int_disclosure_cells); marts publish a cell's figures only when is_hidden
-- is false. With k = suppress_threshold():
-- 1. primary: a cell with 1 to k - 1 members is hidden, unless it is its parent's only cell
--    with members (then it repeats the published parent). A zero is shown: it tells nothing
--    about a person, and hiding it would hide the regency's "who pays" for no gain;
-- 2. a hidden parent (a district) keeps at least two hidden children with members (one if it
--    has one), or its children would add up to it: its smallest published children are hidden;
-- 3. complement: in a group of siblings with a hidden cell, if only one cell is hidden or the
--    hidden cells hold fewer than k members together, the smallest published sibling with
--    members is hidden too; then no hidden cell equals its parent minus its published
--    siblings, and their total is at least k.
-- Rules 2 and 3 run on depth 1 (whose parents are published), then on depth 2. Every build
-- checks the result with the subtraction attack (etl/disclosure.py): no hidden cell may have
-- a single possible value given the published figures. Pages show hidden cells one way
-- ("disembunyikan"), whatever the rule that hid them.
-- grain: one row per family x cell
-- key: family, cell_id
-- columns:
--   family               the published breakdown (int_disclosure_cells)
--   depth                1 or 2
--   parent_id            the parent
--   cell_id              the cell
--   n                    its true count
--   is_pseudo            an unknown remainder, never published
--   is_hidden            the cell's figures are not published
with
k as (select suppress_threshold() as k),
cells as (      -- n_real: the cells of the group with members (a pseudo cell always has some)
    select c.*, count(*) filter (where c.n > 0) over (partition by family, parent_id) as n_real
    from int_disclosure_cells c
),
primary_1 as (
    select *, is_pseudo or (n > 0 and n < (select k from k) and n_real > 1) as is_primary
    from cells where depth = 1
),
groups_1 as (
    select family, parent_id,
           count(*) filter (where is_primary and not is_pseudo) as n_real_hidden,
           count(*) filter (where is_primary) as n_hidden,
           coalesce(sum(n) filter (where is_primary), 0) as mass
    from primary_1 group by all
),
ranked_1 as (
    select p.*, g.n_real_hidden, g.n_hidden, g.mass,
           row_number() over (partition by p.family, p.parent_id, p.is_primary or p.n = 0
                              order by p.n, p.cell_id) as rk
    from primary_1 p join groups_1 g using (family, parent_id)
),
hidden_1 as (
    select * exclude (n_real, is_primary, n_real_hidden, n_hidden, mass, rk),
           is_primary or (n > 0 and rk <= case when n_real_hidden >= 1 and (n_hidden = 1 or mass < (select k from k))
                                               then 1 else 0 end) as is_hidden
    from ranked_1
),
primary_2 as (
    select c.*, p.is_hidden as is_parent_hidden,
           c.is_pseudo or (c.n > 0 and c.n < (select k from k) and c.n_real > 1)
               or (p.is_hidden and c.n > 0 and c.n_real = 1) as is_primary
    from cells c join hidden_1 p on p.family = c.family and p.cell_id = c.parent_id
    where c.depth = 2
),
groups_2 as (
    select family, parent_id, any_value(is_parent_hidden) as is_parent_hidden, max(n_real) as n_real,
           count(*) filter (where is_primary and not is_pseudo) as n_real_hidden,
           count(*) filter (where is_primary) as n_hidden,
           coalesce(sum(n) filter (where is_primary), 0) as mass
    from primary_2 group by all
),
needed_2 as (
    select *, greatest(
               case when is_parent_hidden then greatest(least(2, n_real) - n_real_hidden, 0) else 0 end,
               case when n_real_hidden >= 1 and (n_hidden = 1 or mass < (select k from k)) then 1 else 0 end
           ) as n_more
    from groups_2
),
ranked_2 as (
    select p.*, g.n_more,
           row_number() over (partition by p.family, p.parent_id, p.is_primary or p.n = 0
                              order by p.n, p.cell_id) as rk
    from primary_2 p join needed_2 g using (family, parent_id)
),
hidden_2 as (
    select family, depth, parent_id, cell_id, n, is_pseudo, is_primary or (n > 0 and rk <= n_more) as is_hidden
    from ranked_2
)
select * from hidden_1
union all
select * from hidden_2
