import Mustache

/// The theme's templates, ready to render: swift-mustache parses them first (its errors are the
/// ones a theme author sees), then `TemplateProgram` compiles and renders every page. One
/// engine renders every theme: a feature it does not do (see `TemplateParser`) is an error
/// naming the template and line, never a silent switch to another engine. swift-mustache stays
/// as the reference the tests compare with (`renderWithMustache`).
struct TemplateEngine: Sendable {
    /// A template that does not parse, or asks for what the renderer does not do.
    struct ParseError: Error {
        let template: String
        /// One line for the theme author ("line 3: changed delimiters … are not supported").
        let reason: String
    }

    let library: MustacheLibrary
    /// Every template's syntax tree, by name: what `program` compiles and `TemplateChecker` checks.
    let syntax: [String: [TemplateProgram.Node]]
    /// The compiled templates.
    let program: TemplateProgram

    /// Parses every template (in name order, so the first bad one is reported).
    init(templates: [String: String]) throws(ParseError) {
        var library = MustacheLibrary()
        for name in templates.keys.sorted() {
            do {
                try library.register(templates[name]!, named: name)
            } catch {
                throw ParseError(template: name, reason: "template does not parse: \(error)")
            }
        }
        self.library = library
        do {
            syntax = try TemplateProgram.parse(templates)
        } catch {
            throw ParseError(template: error.template, reason: "line \(error.line): \(error.reason)")
        }
        program = TemplateProgram(parsed: syntax)
    }

    /// The UTF-8 of template `name` over `values`; nil when there is no such template.
    func render(_ values: TemplateData, template name: String) -> [UInt8]? {
        program.render(values, template: name)
    }

    /// The same through swift-mustache: the reference the tests compare the renderer with.
    func renderWithMustache(_ values: TemplateData, template name: String) -> [UInt8]? {
        library.render(values.anyValue, withTemplate: name).map { Array($0.utf8) }
    }
}
