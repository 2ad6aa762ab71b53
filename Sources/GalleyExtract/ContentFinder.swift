/// Finds the article in a page: a readability-style score for every element that holds
/// paragraphs, the best one, and the siblings that belong with it.
struct ContentFinder {
    let analysis: PageAnalysis
    var heuristics: ExtractionHeuristics { analysis.heuristics }


    /// The nodes that make up the article, in document order: the top candidate, or the top
    /// candidate's parent's children that belong with it. Nil when the page has no text.
    func articleNodes(in body: HTMLNode) -> (container: HTMLNode, members: [HTMLNode])? {
        if let marked = markedArticleBody(in: body) { return (marked, [marked]) }
        var scores: [HTMLNode: Double] = [:]
        score(body, scores: &scores)
        let ranked = scores.map { (node: $0.key, score: final($0.key, $0.value)) }.sorted { $0.score > $1.score }
        guard let best = ranked.first else { return nil }
        let top = namedBody(around: promoted(best.node, ranked: ranked, scores: scores, body: body), body: body)
        let chunks = sameClassChunks(of: top, in: body)
        if chunks.count > 1 { return (top, chunks) }
        return (top, members(around: top, scores: scores))
    }

    /// Articles cut into chunks (between ads, figures, pull quotes) repeat the same element and
    /// class for every chunk, often in separate wrappers: all chunks that carry text are the
    /// article, in document order.
    private func sameClassChunks(of top: HTMLNode, in body: HTMLNode) -> [HTMLNode] {
        guard let classes = top.attribute("class"), !classes.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
        let name = top.name
        let chunks = analysis.includedDescendants(of: body) { node in
            node.name == name && node.attribute("class") == classes
                && analysis.stat(node).textLength >= heuristics.minimumChunkLength
                && analysis.linkDensity(node) < heuristics.maximumChunkLinkDensity
        }
        // Keep the outermost of nested matches.
        let outermost = chunks.filter { chunk in !chunks.contains { $0 != chunk && isAncestor($0, of: chunk) } }
        // Many short look-alike blocks are teaser cards of a listing, not chunks of one story.
        let average = outermost.reduce(0) { $0 + analysis.stat($1).textLength } / max(1, outermost.count)
        return average >= heuristics.minimumAverageChunkLength ? outermost : []
    }

    /// The element a CMS names as the story's body (`bodyContainerNames`: "entry-content",
    /// "article-body") around the top candidate, up to `bodyContainerSearchLevels` levels up,
    /// when it is mostly prose (link density under `maximumBodyContainerLinkDensity`): the
    /// candidate is a part of it (a layout editor's row, one section of several) and the other
    /// parts sit too deep in their own wrappers to score.
    private func namedBody(around top: HTMLNode, body: HTMLNode) -> HTMLNode {
        if ClassWords(top).hasWholeName(in: heuristics.bodyContainerNames) { return top }
        var ancestor = top.parent
        var level = 0
        while let current = ancestor, current != body, level < heuristics.bodyContainerSearchLevels {
            if !analysis.isExcluded(current), ClassWords(current).hasWholeName(in: heuristics.bodyContainerNames) {
                return analysis.linkDensity(current) < heuristics.maximumBodyContainerLinkDensity ? current : top
            }
            ancestor = current.parent
            level += 1
        }
        return top
    }

    /// An article split into several blocks ("chunks" between ads) scores as several close
    /// candidates: when enough of the best ones share an ancestor, that ancestor is the article.
    /// Then the candidate climbs while its parent scores at least as well.
    private func promoted(_ top: HTMLNode, ranked: [(node: HTMLNode, score: Double)], scores: [HTMLNode: Double], body: HTMLNode) -> HTMLNode {
        var candidate = top
        let topScore = ranked.first?.score ?? 0
        let close = ranked.prefix(heuristics.alternativeCandidates).dropFirst()
            .filter { $0.score >= topScore * heuristics.alternativeCandidateShare }.map(\.node)
        if close.count >= heuristics.minimumAlternativesForAncestor {
            var ancestor = top.parent
            while let current = ancestor, current != body {
                let contained = close.filter { isAncestor(current, of: $0) }.count
                if contained >= heuristics.minimumAlternativesForAncestor {
                    candidate = current
                    break
                }
                ancestor = current.parent
            }
        }
        var lastScore = scores[candidate].map { final(candidate, $0) } ?? 0
        var parent = candidate.parent
        while let current = parent, current != body {
            // Elements never scored (a table around the rows, a list) are passed through.
            guard let parentScore = scores[current].map({ final(current, $0) }) else {
                guard heuristics.unscoredElements.contains(current.name) else { break }
                parent = current.parent
                continue
            }
            if parentScore < lastScore / heuristics.parentScoreDropDivisor { break }
            if parentScore > lastScore {
                candidate = current
            }
            lastScore = parentScore
            parent = current.parent
        }
        return candidate
    }

    private func isAncestor(_ ancestor: HTMLNode, of node: HTMLNode) -> Bool {
        var current = node.parent
        while let step = current {
            if step == ancestor { return true }
            current = step.parent
        }
        return false
    }

    /// The element the page itself marks as the article body (`itemprop="articleBody"`): the
    /// outermost one, when it is the only one (several are teasers of a listing) and holds at
    /// least `minimumMarkedBodyLength` characters.
    private func markedArticleBody(in body: HTMLNode) -> HTMLNode? {
        let marked = analysis.markedBodies.filter { !analysis.isInsideExcluded($0) && isAncestor(body, of: $0) }
        let outermost = marked.filter { node in !marked.contains { $0 != node && isAncestor($0, of: node) } }
        guard outermost.count == 1, let node = outermost.first,
              analysis.stat(node).textLength >= heuristics.minimumMarkedBodyLength else { return nil }
        return node
    }

    private func final(_ node: HTMLNode, _ score: Double) -> Double {
        score * (1 - analysis.linkDensity(node))
    }

    /// Walks the tree and gives each paragraph's score to its ancestors.
    private func score(_ node: HTMLNode, scores: inout [HTMLNode: Double]) {
        for child in node.elementChildren where !analysis.isExcluded(child) {
            let name = child.name
            if heuristics.paragraphElements.contains(name) {
                add(paragraphScore(length: analysis.stat(child).textLength, commas: analysis.stat(child).commas),
                    from: child.parent, scores: &scores)
                if name == "td" || name == "blockquote" { score(child, scores: &scores) }
            } else {
                // An inline element's own text belongs to its block's run, scored there.
                let inline = PageAnalysis.inlineElements.contains(name) ? (length: 0, commas: 0) : inlineText(of: child)
                if inline.length >= heuristics.minimumScoredTextLength {
                    add(paragraphScore(length: inline.length, commas: inline.commas), from: child, scores: &scores)
                }
                score(child, scores: &scores)
            }
        }
    }

    /// Text directly in an element (its text nodes and inline children): a run of text set
    /// with `<br>` instead of `<p>` still counts as paragraphs of its container.
    private func inlineText(of node: HTMLNode) -> (length: Int, commas: Int) {
        var length = 0
        var commas = 0
        let countsText = node.name != "noscript"
        for child in node.children {
            if child.isText {
                guard countsText else { continue }
                let text = PageAnalysis.measureText(child)
                length += text.length
                commas += text.commas
            } else if child.isElement, PageAnalysis.inlineElements.contains(child.name), !analysis.isExcluded(child),
                      child.name != "a" {
                length += analysis.stat(child).textLength
                commas += analysis.stat(child).commas
            }
        }
        return (length, commas)
    }

    private func paragraphScore(length: Int, commas: Int) -> Double {
        guard length >= heuristics.minimumScoredTextLength else { return 0 }
        return 1 + Double(commas) + min(heuristics.lengthPointsCap, Double(length) / heuristics.charactersPerPoint)
    }

    private func add(_ points: Double, from start: HTMLNode?, scores: inout [HTMLNode: Double]) {
        guard points > 0 else { return }
        var ancestor = start
        for divisor in heuristics.ancestorDivisors {
            guard let node = ancestor, node.name != "html" else { return }
            if heuristics.unscoredElements.contains(node.name) {
                ancestor = node.parent
                continue
            }
            if scores[node] == nil { scores[node] = initialScore(node) }
            scores[node, default: 0] += points / divisor
            ancestor = node.parent
        }
    }

    private func initialScore(_ node: HTMLNode) -> Double {
        var score = heuristics.elementBaseScores[node.name] ?? 0
        if node.name == "article" { score += heuristics.articleElementBonus }
        return score + classScore(node)
    }

    private func classScore(_ node: HTMLNode) -> Double {
        let words = ClassWords(node)
        var score = 0.0
        if words.matchesAny(analysis.lists.positiveClassWords) {
            // A content class says little about a block too short to be an article (a headline
            // or teaser "header-text"): its weight grows with the block's text.
            let share = min(1, Double(analysis.stat(node).textLength) / Double(heuristics.positiveClassFullWeightLength))
            score += heuristics.classWeight * share
        }
        if words.matchesAny(analysis.lists.boilerplateWords) { score -= heuristics.classWeight }
        return score
    }

    /// The top candidate plus its siblings that score well or read like paragraphs.
    private func members(around top: HTMLNode, scores: [HTMLNode: Double]) -> [HTMLNode] {
        guard let parent = top.parent else { return [top] }
        let topScore = final(top, scores[top] ?? 0)
        let threshold = max(heuristics.siblingMinimumScore, topScore * heuristics.siblingScoreShare)
        let topClass = top.attribute("class") ?? ""
        var result: [HTMLNode] = []
        for sibling in parent.elementChildren where !analysis.isExcluded(sibling) {
            if sibling == top {
                result.append(sibling)
                continue
            }
            var siblingScore = scores[sibling].map { final(sibling, $0) } ?? 0
            if !topClass.isEmpty, sibling.attribute("class") == topClass { siblingScore += topScore * heuristics.sameClassSiblingBonusShare }
            if siblingScore >= threshold || readsLikeParagraph(sibling) {
                result.append(sibling)
            }
        }
        return result
    }

    private func readsLikeParagraph(_ node: HTMLNode) -> Bool {
        guard node.name == "p" else { return false }
        let length = analysis.stat(node).textLength
        let density = analysis.linkDensity(node)
        if length > heuristics.siblingParagraphLength { return density < heuristics.siblingParagraphLinkDensity }
        return length > 0 && density == 0 && node.textContent.contains(". ")
    }
}
