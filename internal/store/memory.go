// memory.go defines Memory, the in-memory Store for tests.

package store

import (
	"bytes"
	"context"
	"sync"
)

// Memory is a Store in a map. Its zero value is not usable; call NewMemory.
type Memory struct {
	mu      sync.RWMutex
	records map[string][]byte
	size    int64 // the bytes of every id and record
}

// NewMemory returns an empty in-memory Store.
func NewMemory() *Memory {
	return &Memory{records: map[string][]byte{}}
}

// Put implements Store. The record is copied.
func (m *Memory) Put(ctx context.Context, id string, data []byte) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if old, ok := m.records[id]; ok {
		if !bytes.Equal(old, data) {
			return ErrConflict
		}
		return nil
	}
	m.records[id] = bytes.Clone(data)
	m.size += int64(len(id) + len(data))
	return nil
}

// Size implements Store: the bytes of the ids and records.
func (m *Memory) Size(ctx context.Context) (int64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.size, nil
}

// Get implements Store. The result is a copy.
func (m *Memory) Get(ctx context.Context, id string) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	data, ok := m.records[id]
	if !ok {
		return nil, ErrNotFound
	}
	return bytes.Clone(data), nil
}
