-- The board and rank-ordered lists read a product's items in rank order: an index in that order
-- lets them stop after the first cards instead of sorting every item.
CREATE INDEX work_item_rank ON work_item (product_id, position);
