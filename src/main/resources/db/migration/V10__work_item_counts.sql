-- Counting the items a query matches without reading entity rows (WorkItemStore.count): the most
-- common filters (type, status, estimate) are answered from this index alone, and the few deleted
-- items that match are found through the partial index of deleted entities. The new index begins
-- with the columns of work_item_product_type, which it replaces.
CREATE INDEX work_item_product_type_state ON work_item (product_id, type, state_id, estimate);
DROP INDEX work_item_product_type;
CREATE INDEX entity_deleted ON entity (product_id, kind) WHERE deleted_at IS NOT NULL;
