import GalleyCore

/// Checks every `{{name}}` of the templates against `TemplateVariables` before anything is
/// rendered, so a misspelt variable is a build error naming the template and line instead of a
/// silently empty page. `{{strings.KEY}}` must be a key of the English strings file. It walks
/// the syntax tree the renderer compiles (`TemplateParser`), so what is checked is what renders.
struct TemplateChecker {
    typealias Node = TemplateProgram.Node

    let folder: String
    let stringKeys: Set<String>

    /// Checks every template's syntax tree (`TemplateEngine.syntax`), in name order.
    func check(_ templates: [String: [Node]]) throws(GalleyError) {
        for name in templates.keys.sorted() {
            try walk(templates[name] ?? [], in: [.object(TemplateVariables.root(forTemplate: name))], lenient: name.hasPrefix("partials/"),
                     template: name)
        }
    }

    /// Every variable and section in `nodes`, looked up from the innermost section outwards; a
    /// section's body is walked inside its value (a list's element for `{{#list}}`).
    private func walk(_ nodes: [Node], in stack: [TemplateValue], lenient: Bool, template: String) throws(GalleyError) {
        for node in nodes {
            switch node {
            case .text:
                continue
            case .variable(let path), .unescapedVariable(let path):
                _ = try resolve(path, in: stack, lenient: lenient, template: template)
            case .section(let path, let body), .invertedSection(let path, let body):
                var inner = stack
                if let value = try resolve(path, in: stack, lenient: lenient, template: template) {
                    if case .list(let element) = value, case .section = node { inner.append(element) } else { inner.append(value) }
                } else {
                    inner.append(.leaf)
                }
                try walk(body, in: inner, lenient: lenient, template: template)
            case .partial(_, _, let overrides):
                for name in (overrides ?? [:]).keys.sorted() { try walk(overrides?[name] ?? [], in: stack, lenient: lenient, template: template) }
            case .block(_, let body, _), .blockDefinition(_, let body):
                try walk(body, in: stack, lenient: lenient, template: template)
            }
        }
    }

    /// The value a tag names, looked up from the innermost section outwards as Mustache does.
    /// In partials (whose context is wherever they are included) only the first name part of an
    /// item is checked leniently.
    private func resolve(_ path: TemplateProgram.Path, in stack: [TemplateValue], lenient: Bool, template: String) throws(GalleyError) -> TemplateValue? {
        guard let first = path.names.first else { return stack.last }
        let names = path.names.map { Substring($0) }
        if first == "strings", names.count == 2, !stringKeys.isEmpty, !stringKeys.contains(String(names[1])) {
            throw error(path, template: template, reason: "is not a key of strings/en.yml")
        }
        for context in stack.reversed() {
            if let value = context.resolve(names[...]) { return value }
            if case .object(let members) = context, members[first] != nil {
                throw error(path, template: template, reason: "is not a value of this page")
            }
        }
        if lenient, Self.itemNames.contains(first) { return nil }
        throw error(path, template: template, reason: "is not a value of this page")
    }

    private func error(_ path: TemplateProgram.Path, template: String, reason: String) -> GalleyError {
        GalleyError(.render, source: "\(folder)/\(template).mustache", reason: "line \(path.line): {{\(path.name)}} \(reason) (see templates/README.md)")
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
            case .leaf, .strings, .anything: break
            }
        }
        for root in [TemplateVariables.article, TemplateVariables.list, TemplateVariables.terms, TemplateVariables.common] {
            root.values.forEach(collect)
        }
        return names
    }()
}
