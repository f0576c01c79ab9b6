/// A string-keyed section of the local tenant (`connection_clients`, `invitations`, `organization_members`) that remembers which keys were
/// written since ``takeTouchedKeys()``, so that a write is journaled as the entries it changed, not as the whole
/// section (``LocalTenantJournal``).
///
/// It offers the `Dictionary` operations the endpoint handlers use: keyed reads and in-place writes (with and
/// without a default), `keys`, `values`, iteration, `filter`, `mapValues`. Every write through a subscript marks
/// its key, changed or not; the journal compares before recording.
struct JournaledMap<Value: Sendable & Equatable>: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// The entries.
    private(set) var storage: [String: Value]
    /// Keys written through a subscript since the last ``takeTouchedKeys()``.
    private var touched: Set<String> = []

    init(_ storage: [String: Value] = [:]) { self.storage = storage }

    init(dictionaryLiteral elements: (String, Value)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    subscript(key: String) -> Value? {
        get { storage[key] }
        _modify {
            touched.insert(key)
            yield &storage[key]
        }
    }

    subscript(key: String, default value: @autoclosure () -> Value) -> Value {
        get { storage[key, default: value()] }
        _modify {
            touched.insert(key)
            yield &storage[key, default: value()]
        }
    }

    var keys: Dictionary<String, Value>.Keys { storage.keys }
    var values: Dictionary<String, Value>.Values { storage.values }
    var count: Int { storage.count }
    var isEmpty: Bool { storage.isEmpty }

    func makeIterator() -> Dictionary<String, Value>.Iterator { storage.makeIterator() }

    func filter(_ isIncluded: ((key: String, value: Value)) throws -> Bool) rethrows -> [String: Value] {
        try storage.filter(isIncluded)
    }

    func mapValues<T>(_ transform: (Value) throws -> T) rethrows -> [String: T] { try storage.mapValues(transform) }

    @discardableResult
    mutating func removeValue(forKey key: String) -> Value? {
        touched.insert(key)
        return storage.removeValue(forKey: key)
    }

    /// The keys written since the last call, and forgets them.
    mutating func takeTouchedKeys() -> Set<String> {
        defer { touched = [] }
        return touched
    }
}
