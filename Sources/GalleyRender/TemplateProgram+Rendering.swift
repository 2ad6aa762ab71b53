import GalleyCore

extension TemplateProgram {
    /// The bytes of template `name` over `root`; nil when there is no such template.
    func render(_ root: TemplateData, template name: String) -> [UInt8]? {
        guard let number = templateNumbers[name] else { return nil }
        let body = bodies[Int(number)]
        return steps.withUnsafeBufferPointer { steps in
            text.withUnsafeBufferPointer { text in
                names.withUnsafeBufferPointer { names in
                    paths.withUnsafeBufferPointer { paths in
                        var renderer = Renderer(program: self, steps: steps, text: text, names: names, paths: paths, root: root)
                        renderer.run(body, scope: Scope())
                        return renderer.finished()
                    }
                }
            }
        }
    }

    /// Where a body renders: the indentation of the standalone partials and blocks it is in
    /// (empty: none), and the blocks overridden by the inheriting partials it is in, by block
    /// number (the outermost override wins).
    struct Scope {
        var indentation: [UInt8] = []
        var overrides: [Range<Int32>?]?
    }

    private struct Renderer {
        let program: TemplateProgram
        let steps: UnsafeBufferPointer<Step>
        let text: UnsafeBufferPointer<UInt8>
        let names: UnsafeBufferPointer<String>
        let paths: UnsafeBufferPointer<PathEntry>
        var output: [UInt8] = []
        var stack: [TemplateData]

        init(program: TemplateProgram, steps: UnsafeBufferPointer<Step>, text: UnsafeBufferPointer<UInt8>,
             names: UnsafeBufferPointer<String>, paths: UnsafeBufferPointer<PathEntry>, root: TemplateData) {
            self.program = program
            self.steps = steps
            self.text = text
            self.names = names
            self.paths = paths
            stack = [root]
            stack.reserveCapacity(8)
            output.reserveCapacity(16_384)
        }

        /// The output, copied to its size unless its buffer is about full (pages wait in memory
        /// until they are written; the copy costs less than the memory it saves).
        func finished() -> [UInt8] {
            guard output.capacity > output.count + 256 else { return output }
            return output.withUnsafeBufferPointer { Array($0) }
        }

        /// Renders a body as one unit: with an indentation, each step whose output starts a
        /// new line of this unit's output is indented (as swift-mustache does per token).
        mutating func run(_ body: Range<Int32>, scope: Scope) {
            if scope.indentation.isEmpty {
                for index in body { run(steps[Int(index)], scope: scope) }
                return
            }
            let start = output.count
            for index in body {
                let atLineStart = endsWithLineBreak(since: start)
                let stepStart = output.count
                run(steps[Int(index)], scope: scope)
                if atLineStart, output.count > stepStart { output.insert(contentsOf: scope.indentation, at: stepStart) }
            }
        }

        /// Whether the output since `start` ends with a line feed that is not part of CR LF.
        private func endsWithLineBreak(since start: Int) -> Bool {
            let count = output.count
            guard count > start, output[count - 1] == 0x0A else { return false }
            return count - 2 < start || output[count - 2] != 0x0D
        }

        private mutating func run(_ step: Step, scope: Scope) {
            switch step.kind {
            case .text:
                output.append(contentsOf: UnsafeBufferPointer(rebasing: text[Int(step.a)..<Int(step.a + step.b)]))
            case .variable:
                if let value = resolve(step.a) { append(value, escaped: true) }
            case .unescapedVariable:
                if let value = resolve(step.a) { append(value, escaped: false) }
            case .section:
                section(resolve(step.a), body: step.b..<step.c, scope: scope)
            case .invertedSection:
                invertedSection(resolve(step.a), body: step.b..<step.c, scope: scope)
            case .partial:
                guard step.a >= 0 else { return }
                run(program.bodies[Int(step.a)], scope: entering(scope, indentation: step.indentation, overrides: step.b))
            case .block:
                let body = scope.overrides?[Int(step.a)] ?? step.b..<step.c
                run(body, scope: entering(scope, indentation: step.indentation, overrides: -1))
            }
        }

        /// The scope inside a partial or block: indentations add up; overrides merge, the
        /// outer ones winning.
        private func entering(_ scope: Scope, indentation: Int32, overrides set: Int32) -> Scope {
            var scope = scope
            if indentation >= 0 { scope.indentation += program.indentations[Int(indentation)] }
            if set >= 0 {
                var merged = scope.overrides ?? Array(repeating: nil, count: program.blockNumbers.count)
                for (block, body) in program.overrides[Int(set)] where merged[block] == nil { merged[block] = body }
                scope.overrides = merged
            }
            return scope
        }

        private mutating func section(_ value: TemplateData?, body: Range<Int32>, scope: Scope) {
            switch value {
            case nil: return
            case .flag(let shown): if shown { run(body, scope: scope) }
            case .list(let items): for item in items { run(body, pushing: item, scope: scope) }
            case let value?: run(body, pushing: value, scope: scope)
            }
        }

        private mutating func invertedSection(_ value: TemplateData?, body: Range<Int32>, scope: Scope) {
            switch value {
            case nil: run(body, scope: scope)
            case .flag(let shown): if !shown { run(body, scope: scope) }
            case .list(let items): if items.isEmpty { run(body, pushing: .list(items), scope: scope) }
            case .some: return
            }
        }

        private mutating func run(_ body: Range<Int32>, pushing value: TemplateData, scope: Scope) {
            stack.append(value)
            run(body, scope: scope)
            stack.removeLast()
        }

        /// Mustache's lookup: the first name from the innermost value outwards, the rest inside it.
        private func resolve(_ path: Int32) -> TemplateData? {
            let entry = paths[Int(path)]
            guard entry.count > 0 else { return stack.last }
            let first = Int(entry.first)
            var value: TemplateData
            if entry.anchored {
                guard let found = stack[stack.count - 1].member(names[first]) else { return nil }
                value = found
            } else {
                var level = stack.count - 1
                while true {
                    if let found = stack[level].member(names[first]) {
                        value = found
                        break
                    }
                    level -= 1
                    if level < 0 { return nil }
                }
            }
            for index in (first + 1)..<(first + Int(entry.count)) {
                guard let member = value.member(names[index]) else { return nil }
                value = member
            }
            return value
        }

        /// A value as text: numbers and flags as Swift writes them, lists and objects as
        /// swift-mustache would (`String(describing:)`).
        private mutating func append(_ value: TemplateData, escaped: Bool) {
            let text: String
            switch value {
            case .text(let string): text = string
            case .flag(let flag): text = flag ? "true" : "false"
            case .number(let number): text = String(number)
            case .list, .object: text = String(describing: value.anyValue)
            }
            if escaped { MarkupEscaper.appendHTML(text, to: &output) } else { output.append(contentsOf: text.utf8) }
        }
    }
}
