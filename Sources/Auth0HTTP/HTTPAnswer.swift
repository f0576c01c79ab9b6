import Foundation

/// One HTTP answer as received: status, headers with lowercased names, raw body.
struct HTTPAnswer: Sendable {
    let status: Int
    let headers: [String: String]
    let body: Data
}
