extension Expression {
    /// The expression in the calculator's own language, as few parentheses as the grammar needs: "cos(3532)",
    /// "sin(30°)", "tan(pi/4)", "2^10 - 1". ``ExpressionParser`` reads the text back to an equal expression.
    public var text: String { text(angleUnit: .degrees) }

    /// The text to evaluate with `angleUnit` as the default unit: radian marks are left out when radians are the
    /// default anyway ("cos(3532 radians)" becomes "cos(3532)").
    public func text(angleUnit: AngleUnit) -> String {
        var out = ""
        write(into: &out, context: 0, marksRadians: angleUnit == .degrees)
        return out
    }

    /// Binding strength: 0 sum, 1 product, 2 unary minus, 3 power, 4 postfix and primaries.
    private var precedence: Int {
        switch self {
        case .add, .subtract: return 0
        case .multiply, .divide: return 1
        case .negate: return 2
        case .power: return 3
        case .number, .pi, .e, .function, .degrees, .radians: return 4
        }
    }

    /// `a op b`, each side written in the context its position needs (left and right precedence).
    private static func binary(
        _ a: Expression, _ op: String, _ b: Expression, _ left: Int, _ right: Int, _ out: inout String,
        _ marksRadians: Bool
    ) {
        a.write(into: &out, context: left, marksRadians: marksRadians)
        out += op
        b.write(into: &out, context: right, marksRadians: marksRadians)
    }

    private func write(into out: inout String, context: Int, marksRadians: Bool) {
        let parenthesize = precedence < context
        if parenthesize { out += "(" }
        switch self {
        case .number(let literal): out += literal.description
        case .pi: out += "π"
        case .e: out += "e"
        case .negate(let a):
            out += "-"
            a.write(into: &out, context: 3, marksRadians: marksRadians)
        case .add(let a, let b): Self.binary(a, " + ", b, 0, 1, &out, marksRadians)
        case .subtract(let a, let b): Self.binary(a, " - ", b, 0, 1, &out, marksRadians)
        case .multiply(.number(let k), .pi):
            out += k.description + "π"  // "2π/3", as people write it (implicit multiplication binds like ×)
        case .multiply(let a, let b): Self.binary(a, "*", b, 1, 2, &out, marksRadians)
        case .divide(let a, let b): Self.binary(a, "/", b, 1, 2, &out, marksRadians)
        case .power(let a, let b): Self.binary(a, "^", b, 4, 2, &out, marksRadians)
        case .function(let f, let a):
            out += f.rawValue + "("
            a.write(into: &out, context: 0, marksRadians: marksRadians)
            out += ")"
        case .degrees(let a):
            a.write(into: &out, context: 4, marksRadians: marksRadians)
            out += "°"
        case .radians(let a):
            guard marksRadians else { return a.write(into: &out, context: context, marksRadians: false) }
            a.write(into: &out, context: 4, marksRadians: true)
            out += " rad"
        }
        if parenthesize { out += ")" }
    }
}
