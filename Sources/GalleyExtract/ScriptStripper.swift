/// Empties very large `<script>` and `<style>` elements before parsing. libxml2 refuses text
/// nodes over 10 MB (and stops reading the page there); no script or style is wanted in an
/// article anyway. JSON-LD blocks are small and stay.
enum ScriptStripper {
    /// Elements whose content is longer than this are emptied.
    static let maximumContent = 1 << 20

    static func emptyingLargeScripts(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count > maximumContent else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard let (name, contentStart) = openingTag(in: bytes, at: index) else {
                output.append(bytes[index])
                index += 1
                continue
            }
            output.append(contentsOf: bytes[index..<contentStart])
            let end = closingTag(name, in: bytes, from: contentStart) ?? bytes.count
            if end - contentStart <= maximumContent { output.append(contentsOf: bytes[contentStart..<end]) }
            index = end
        }
        return output
    }

    /// `<script …>` or `<style …>` starting at `index`: its name and where its content starts.
    private static func openingTag(in bytes: [UInt8], at index: Int) -> (String, Int)? {
        guard bytes[index] == 0x3C else { return nil }
        for name in ["script", "style"] {
            let end = index + 1 + name.utf8.count
            guard end < bytes.count, matches(name, in: bytes, at: index + 1),
                  bytes[end] == 0x3E || bytes[end] == 0x20 || bytes[end] == 0x09 || bytes[end] == 0x0A || bytes[end] == 0x0D
            else { continue }
            guard let close = bytes[end...].firstIndex(of: 0x3E) else { return nil }
            return (name, close + 1)
        }
        return nil
    }

    private static func closingTag(_ name: String, in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 2 + name.utf8.count <= bytes.count {
            if bytes[index] == 0x3C, bytes[index + 1] == 0x2F, matches(name, in: bytes, at: index + 2) { return index }
            index += 1
        }
        return nil
    }

    /// Case-insensitive ASCII match of `name` at `index`.
    private static func matches(_ name: String, in bytes: [UInt8], at index: Int) -> Bool {
        var position = index
        for expected in name.utf8 {
            guard position < bytes.count else { return false }
            let byte = bytes[position]
            guard byte == expected || byte == expected - 32 else { return false }
            position += 1
        }
        return true
    }
}
