import Mustache

/// The theme's templates, ready to render: swift-mustache parses and checks them (its errors
/// are the ones a theme author sees); `TemplateProgram` renders them when the theme uses only
/// what it takes, swift-mustache otherwise.
struct TemplateEngine: Sendable {
    /// A template swift-mustache does not parse.
    struct ParseError: Error {
        let template: String
        let underlying: any Error
    }

    let library: MustacheLibrary
    /// The compiled templates; nil when the theme needs swift-mustache (see `TemplateProgram`).
    let program: TemplateProgram?

    /// Parses every template (in name order, so the first bad one is reported).
    init(templates: [String: String]) throws(ParseError) {
        var library = MustacheLibrary()
        for name in templates.keys.sorted() {
            do {
                try library.register(templates[name]!, named: name)
            } catch {
                throw ParseError(template: name, underlying: error)
            }
        }
        self.library = library
        program = TemplateProgram(templates: templates)
    }

    /// The UTF-8 of template `name` over `values`; nil when there is no such template.
    func render(_ values: TemplateData, template name: String) -> [UInt8]? {
        guard let program else { return renderWithMustache(values, template: name) }
        return program.render(values, template: name)
    }

    /// The same through swift-mustache (the fallback; tests compare the two).
    func renderWithMustache(_ values: TemplateData, template name: String) -> [UInt8]? {
        library.render(values.anyValue, withTemplate: name).map { Array($0.utf8) }
    }
}
