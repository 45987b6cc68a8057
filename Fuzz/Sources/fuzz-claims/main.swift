import CFuzzDriver
import Glibc
import Claims

/// The claim scanner and checker on a prompt and a response: the input up to its first NUL byte is the prompt, the
/// rest the response (both decoded as UTF-8, invalid bytes repaired, as the record reader never hands over).
nonisolated(unsafe) var auditor: ResponseAuditor = {
    var auditor = ResponseAuditor()
    auditor.budget = .seconds(1)
    return auditor
}()

func fuzzClaims(_ bytes: UnsafeBufferPointer<UInt8>) -> CInt {
    let cut = bytes.firstIndex(of: 0) ?? -1
    let prompt = cut < 0 ? "" : String(decoding: bytes[..<cut], as: UTF8.self)
    let response = String(decoding: bytes[(cut + 1)...], as: UTF8.self)
    let result = auditor.audit(prompt: prompt, response: response)
    let length = response.unicodeScalars.count
    for claim in result.claims {
        precondition(claim.span.lowerBound >= 0 && claim.span.upperBound <= length, "a claim's span is in the response")
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, count in fuzzClaims(UnsafeBufferPointer(start: data, count: count)) })
