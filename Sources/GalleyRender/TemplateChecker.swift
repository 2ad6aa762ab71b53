import GalleyCore

/// Checks every `{{name}}` of the templates against `TemplateVariables` before anything is
/// rendered, so a misspelt variable is a build error naming the template and line instead of a
/// silently empty page. `{{strings.KEY}}` must be a key of the English strings file.
struct TemplateChecker {
    let folder: String
    let stringKeys: Set<String>

    func check(_ templates: [String: String]) throws(GalleyError) {
        for name in templates.keys.sorted() {
            try check(templates[name] ?? "", name: name)
        }
    }

    private func check(_ text: String, name: String) throws(GalleyError) {
        let isPartial = name.hasPrefix("partials/")
        var stack: [TemplateValue] = [.object(TemplateVariables.root(forTemplate: name))]
        for tag in MustacheTags(text) {
            switch tag.sigil {
            case "!", ">", "<", "=":
                continue
            case "$":
                stack.append(stack.last ?? .leaf)
            case "/":
                if stack.count > 1 { stack.removeLast() }
            case "#", "^":
                guard let value = try resolve(tag, in: stack, lenient: isPartial, template: name) else {
                    stack.append(.leaf)
                    continue
                }
                if case .list(let element) = value, tag.sigil == "#" { stack.append(element) } else { stack.append(value) }
            default:
                _ = try resolve(tag, in: stack, lenient: isPartial, template: name)
            }
        }
    }

    /// The value a tag names, looked up from the innermost section outwards as Mustache does.
    /// In partials (whose context is wherever they are included) only the first name part of an
    /// item is checked leniently.
    private func resolve(_ tag: MustacheTags.Tag, in stack: [TemplateValue], lenient: Bool, template: String) throws(GalleyError) -> TemplateValue? {
        if tag.name == "." { return stack.last }
        let path = tag.name.split(separator: ".")
        if path.first == "strings", path.count == 2, !stringKeys.isEmpty, !stringKeys.contains(String(path[1])) {
            throw error(tag, template: template, reason: "is not a key of strings/en.yml")
        }
        for context in stack.reversed() {
            if let value = context.resolve(path[...]) { return value }
            if case .object(let members) = context, members[String(path[0])] != nil {
                throw error(tag, template: template, reason: "is not a value of this page")
            }
        }
        if lenient, Self.itemNames.contains(String(path[0])) { return nil }
        throw error(tag, template: template, reason: "is not a value of this page")
    }

    private func error(_ tag: MustacheTags.Tag, template: String, reason: String) -> GalleyError {
        GalleyError(.render, source: "\(folder)/\(template).mustache", reason: "line \(tag.line): {{\(tag.name)}} \(reason) (see templates/README.md)")
    }

    /// Names any list item has (what a partial may use bare).
    static let itemNames: Set<String> = {
        var names = Set<String>()
        func collect(_ value: TemplateValue) {
            switch value {
            case .object(let members):
                names.formUnion(members.keys)
                members.values.forEach(collect)
            case .list(let element): collect(element)
            case .leaf, .strings: break
            }
        }
        for root in [TemplateVariables.article, TemplateVariables.list, TemplateVariables.terms, TemplateVariables.common] {
            root.values.forEach(collect)
        }
        return names
    }()
}

/// The tags of a Mustache template: sigil (`#`, `^`, `/`, `>`, `<`, `$`, `!`, `&`, `{` or none),
/// name and line.
struct MustacheTags: Sequence {
    struct Tag {
        var sigil: Character?
        var name: String
        var line: Int
    }

    let text: String

    init(_ text: String) { self.text = text }

    func makeIterator() -> IndexingIterator<[Tag]> {
        var tags: [Tag] = []
        var rest = text[...]
        var line = 1
        while let open = rest.range(of: "{{") {
            line += rest[..<open.lowerBound].filter { $0 == "\n" }.count
            let afterOpen = rest[open.upperBound...]
            let triple = afterOpen.hasPrefix("{")
            guard let close = afterOpen.range(of: triple ? "}}}" : "}}") else { break }
            var inner = afterOpen[..<close.lowerBound]
            if triple { inner = inner.dropFirst() }
            var trimmed = inner.trimmingCharacters(in: .whitespaces)[...]
            var sigil: Character?
            if let first = trimmed.first, "#^/>$<!&={".contains(first) {
                sigil = first
                trimmed = trimmed.dropFirst()
            }
            tags.append(Tag(sigil: sigil, name: trimmed.trimmingCharacters(in: .whitespaces), line: line))
            line += inner.filter { $0 == "\n" }.count
            rest = afterOpen[close.upperBound...]
        }
        return tags.makeIterator()
    }
}

import Foundation
