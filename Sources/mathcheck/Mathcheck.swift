import ArgumentParser
import Verifiers

@main
struct Mathcheck: ParsableCommand {
    func run() throws {
        let e = Evaluator()
        for t in ["cos(3532)", "sin(1e22)", "cos(pi/3)", "sin(30°)", "sin(pi)", "cos(3532°)", "sin(10^30)", "2^100", "sqrt(2)", "acos(-1)", "tan(pi/2)"] {
            do { print(t, try e.evaluate(t)) } catch { print(t, error) }
        }
        let p = PrimalityTester()
        for n in ["34792834", "17396417", "2047", "3825123056546413051", "318665857834031151167461", "170141183460469231731687303715884105727"] {
            print(n, try p.verdict(for: BigInteger(parsing: n)))
        }
        print(try Factorizer().factor(BigInteger(parsing: "583835")))
    }
}
