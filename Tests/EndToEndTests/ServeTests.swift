import Foundation
import Testing

@Suite("mathcheck serve and tool-call replies")
struct ServeTests {
    static let initialize =
        #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"test","version":"1"}}}"#

    func responses(_ run: Run) -> [String: [String: Any]] {
        var byID: [String: [String: Any]] = [:]
        for line in run.stdout.split(separator: "\n") {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
                continue
            }
            byID["\(object["id"] ?? "")"] = object
        }
        return byID
    }

    @Test("survives garbage, answers every request, and exits cleanly at the end of input")
    func garbageAndEOF() throws {
        let input = [
            "garbage here", Self.initialize, #"{"jsonrpc":"2.0","method":"notifications/initialized"}"#,
            #"{"not":"jsonrpc"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"is_prime","arguments":{"n":"34792834"}}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"is_prime","arguments":{"n":"12a"}}}"#,
            #"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"square_root","arguments":{}}}"#,
            #"{"jsonrpc":"2.0","id":5,"method":"tools/list"}"#,
            #"{"jsonrpc":"2.0","id":6,"method":"tools/call","params":{"name":"evaluate","arguments":{"expression":"cos(3532)"}}}"#,
        ].joined(separator: "\n") + "\n"
        let run = try Run(["serve"], stdin: input)
        #expect(run.status == 0)
        let byID = responses(run)
        for id in ["1", "2", "3", "4", "5", "6"] { #expect(byID[id] != nil, "no answer to request \(id)") }
        let ok = byID["2"]?["result"] as? [String: Any]
        #expect(ok?["isError"] as? Bool == false)
        #expect((ok?["structuredContent"] as? [String: Any])?["is_prime"] as? Bool == false)
        let text = ((ok?["content"] as? [[String: Any]])?.first?["text"] as? String) ?? ""
        #expect(text == #"{"n":"34792834","is_prime":false,"certainty":"proven","evidence":{"factor":"2","cofactor":"17396417"}}"#)
        #expect((byID["3"]?["result"] as? [String: Any])?["isError"] as? Bool == true)
        #expect((byID["4"]?["error"] as? [String: Any])?["code"] as? Int == -32602)
        #expect(((byID["5"]?["result"] as? [String: Any])?["tools"] as? [Any])?.count == 3)
    }

    @Test("an OpenAI assistant message with tool_calls gets one tool message per call")
    func openAI() throws {
        let message = #"""
            {"role":"assistant","content":null,"tool_calls":[
              {"id":"call_1","type":"function","function":{"name":"is_prime","arguments":"{\"n\":\"34792834\"}"}},
              {"id":"call_2","type":"function","function":{"name":"evaluate","arguments":"{\"expression\":\"cos(3532)\",\"decimals\":4}"}},
              {"id":"call_3","type":"function","function":{"name":"factorize","arguments":"not json"}}]}
            """#
        let run = try Run(["call"], stdin: message)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
        #expect(lines.map { $0["tool_call_id"] as? String ?? "" } == ["call_1", "call_2", "call_3"])
        #expect(lines.allSatisfy { $0["role"] as? String == "tool" })
        #expect((lines[1]["content"] as? String)?.contains(#""value":"0.6601""#) == true)
        #expect((lines[2]["content"] as? String)?.contains(#""error""#) == true)
    }

    @Test("an Anthropic message with tool_use blocks gets one user message of tool_result blocks")
    func anthropic() throws {
        let message = #"""
            {"role":"assistant","content":[{"type":"text","text":"Checking."},
              {"type":"tool_use","id":"toolu_1","name":"factorize","input":{"n":"583835"}},
              {"type":"tool_use","id":"toolu_2","name":"is_prime","input":{"n":"x"}}]}
            """#
        let run = try Run(["call"], stdin: message)
        #expect(run.status == 0)
        let reply = (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) as? [String: Any]
        #expect(reply?["role"] as? String == "user")
        let blocks = reply?["content"] as? [[String: Any]] ?? []
        #expect(blocks.map { $0["tool_use_id"] as? String ?? "" } == ["toolu_1", "toolu_2"])
        #expect(blocks[0]["is_error"] == nil)
        #expect(blocks[1]["is_error"] as? Bool == true)
    }

    @Test("input without tool calls is an error with exit 2")
    func noCalls() throws {
        let run = try Run(["call"], stdin: #"{"role":"assistant","content":"Hello"}"#)
        #expect(run.status == 2)
        #expect(run.stdout.contains(#""error""#))
    }
}
