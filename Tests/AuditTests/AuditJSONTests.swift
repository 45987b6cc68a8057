import Claims
import JSON
import Testing
import Verifiers

@testable import Audit

/// The output writer copies the enums' raw values from literals; each literal must be the raw value.
@Suite("Audit JSON writer")
struct AuditJSONTests {
    static func string(_ s: StaticString) -> String { s.withUTF8Buffer { String(decoding: $0, as: UTF8.self) } }

    @Test("static texts are the raw values, in the fixed text around them")
    func rawValues() {
        for kind: Claim.Kind in [.primality, .divisibility, .factorization, .arithmetic, .function] {
            #expect(Self.string(AuditJSON.opening(kind)) == #"{"kind":""# + kind.rawValue + #"","text":"#)
        }
        for role: Claim.Role in [.answer, .step] {
            for verdict: Judgement.Verdict in [.correct, .wrong, .unverified] {
                #expect(
                    Self.string(AuditJSON.middle(role, verdict))
                        == #"],"role":""# + role.rawValue + #"","verdict":""# + verdict.rawValue + #"","expected":"#)
            }
        }
        for unit in AngleUnit.allCases {
            #expect(Self.string(AuditJSON.angleUnitMember(unit)) == #""angle_unit":""# + unit.rawValue + "\"")
        }
        for match: Judgement.Match in [.correctlyRounded, .truncated, .withinOneUnit, .equal, .mismatch] {
            #expect(Self.string(AuditJSON.matchMember(match)) == #","match":""# + match.rawValue + "\"")
        }
        for verdict: RecordVerdict in [.correct, .wrong, .unverified, .noClaims] {
            #expect(Self.string(AuditJSON.text(verdict)) == verdict.rawValue)
        }
    }

    @Test(
        "integers are written as String(n) writes them",
        arguments: [0, 1, -1, 9, 10, 99, 100, 1_234_567, Int.max, Int.min])
    func decimals(n: Int) {
        var out: [UInt8] = []
        out.append(decimal: n)
        #expect(String(decoding: out, as: UTF8.self) == String(n))
        var buffer = ByteBuffer(capacity: 1)
        buffer.append(decimal: n)
        #expect(buffer.withBytes { String(decoding: $0, as: UTF8.self) } == String(n))
    }
}
