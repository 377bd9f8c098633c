import CrossreadCore

/// Where one stored entity of a document went among the library's merged entities.
public struct LibraryEntityPlacement: Sendable, Equatable {
    /// The id the document stores the entity under.
    public var storedID: String
    /// The merged entity after the document's entity joined it (or the new one it started).
    public var merged: Entity
    /// True when the document's entity started this merged entity (the store upserts either way).
    public var isNew: Bool
    /// The keys to file the merged entity under: the document entity's own, and those of the merged
    /// entity's forms it did not have before (the store keeps those it already has).
    public var keys: [String]
    /// The merged entity's forms it did not have before (all of them for a new one): what its name
    /// filter must find it by from now on.
    public var newForms: [String]
}

/// A merged entity as the store holds it, as a candidate to join.
public struct LibraryEntityCandidate: Sendable {
    public var entity: Entity
    public var documents: Int

    public init(entity: Entity, documents: Int) {
        self.entity = entity
        self.documents = documents
    }
}

extension LibraryEntityMatcher {
    /// The ids a new merged entity may take, in order: the stored id, then with -2, -3 and so on.
    public static func id(_ storedID: String, suffix: Int) -> String {
        suffix <= 1 ? storedID : "\(storedID)-\(suffix)"
    }

    /// Places a document's entities one after another: each joins a merged entity filed under one of
    /// its keys (`candidates` reads them from the store; entities this document placed already count
    /// too) or starts one, with an id `isTaken` says is free. Placements come in the entities' order,
    /// one per distinct stored id.
    public func place(_ entities: [Entity],
                      candidates: ([String]) throws -> [LibraryEntityCandidate],
                      isTaken: (String) throws -> Bool) rethrows -> [LibraryEntityPlacement] {
        var placements: [LibraryEntityPlacement] = []
        var placed: [String: (entity: Entity, documents: Int, keys: Set<String>)] = [:]
        var seen = Set<String>()
        for entity in entities where seen.insert(entity.id).inserted {
            let keys = self.keys(entity)
            // A stored id the library placed before is filed under its own id key: it joins the merged
            // entity it joined then (the heaviest, if several), without reading every candidate again.
            var found = try candidates(["id:" + entity.id]).filter { $0.entity.type == entity.type }
            let placedBefore = found.indices.max { (found[$0].documents, $1) < (found[$1].documents, $0) }
            if placedBefore == nil { found = try candidates(keys) }
            // What this document already placed is newer than the store's rows.
            for (position, candidate) in found.enumerated() {
                if let local = placed[candidate.entity.id] { found[position].entity = local.entity }
            }
            for (id, local) in placed where !found.contains(where: { $0.entity.id == id }) && !local.keys.isDisjoint(with: keys) {
                found.append(LibraryEntityCandidate(entity: local.entity, documents: local.documents))
            }
            let merged: Entity, isNew: Bool, documents: Int
            var known = Set<String>()
            let chosen = found.firstIndex { $0.entity.id == entity.id && $0.entity.type == entity.type }
                ?? placedBefore ?? join(entity, candidates: found.map { ($0.entity, $0.documents) })
            if let position = chosen {
                merged = absorb(entity, into: found[position].entity, documents: found[position].documents)
                isNew = false
                documents = found[position].documents
                known = Set([found[position].entity.name] + found[position].entity.aliases)
            } else {
                var fresh = entity
                fresh.aliases = Array(entity.aliases.filter { $0 != entity.name }.prefix(Self.formLimit))
                var suffix = 1
                while try placed[fresh.id] != nil || isTaken(fresh.id) {
                    suffix += 1
                    fresh.id = Self.id(entity.id, suffix: suffix)
                }
                merged = fresh
                isNew = true
                documents = 0
            }
            let newForms = ([merged.name] + merged.aliases).filter { !$0.isEmpty && !known.contains($0) }
            var mergedKeys = keys
            for key in self.keys(forms: newForms, type: merged.type) + (isNew ? ["id:" + merged.id] : []) where !mergedKeys.contains(key) {
                mergedKeys.append(key)
            }
            placed[merged.id] = (merged, documents, Set(mergedKeys).union(placed[merged.id]?.keys ?? []))
            placements.append(LibraryEntityPlacement(storedID: entity.id, merged: merged, isNew: isNew, keys: mergedKeys,
                                                     newForms: newForms))
        }
        return placements
    }
}
